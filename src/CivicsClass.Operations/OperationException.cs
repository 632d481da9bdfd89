namespace CivicsClass.Operations;

/// <summary>
/// A refusal the operator can act on, said in Chinese and in English. The command prints it and
/// exits non-zero; nothing has been changed when it is thrown before the site is touched.
/// </summary>
internal sealed class OperationException(string chinese, string english) : Exception($"{chinese}\n{english}");
