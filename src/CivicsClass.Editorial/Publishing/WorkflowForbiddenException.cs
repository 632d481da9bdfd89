namespace CivicsClass.Editorial.Publishing;

/// <summary>A workflow action the current person's roles do not allow; answered with 403.</summary>
internal sealed class WorkflowForbiddenException(string message) : Exception(message);
