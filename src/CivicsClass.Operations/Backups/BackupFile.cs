namespace CivicsClass.Operations.Backups;

/// <summary>One entry of the backup: its name inside the archive, its length and its SHA-256 in hex.</summary>
internal sealed record BackupFile(string Entry, long Length, string Sha256);
