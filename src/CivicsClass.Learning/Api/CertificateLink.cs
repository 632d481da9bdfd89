namespace CivicsClass.Learning.Api;

/// <summary>A certificate earned, and where it is verified.</summary>
internal sealed record CertificateLink(string Code, string Course, string Url);
