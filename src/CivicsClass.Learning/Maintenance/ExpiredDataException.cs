namespace CivicsClass.Learning.Maintenance;

/// <summary>A run of <see cref="ExpiredDataCleanup"/> in which a sweep failed; the message is the run's whole note, counts and errors.</summary>
internal sealed class ExpiredDataException(string message) : Exception(message);
