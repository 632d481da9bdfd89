namespace CivicsClass.Media.Forms;

/// <summary>The program that makes a form is not installed or not configured here; the job is set aside, not failed.</summary>
internal sealed class FormEngineUnavailableException(string message) : Exception(message);
