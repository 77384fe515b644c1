namespace GraphService.Core.Domain;

/// <summary>
/// One verified quote supporting or disputing a relationship. <c>document.Body[Start..End]</c> is the passage as it
/// stands in the document (which may differ from <see cref="Quote"/> only in whitespace, quote marks and dashes).
/// </summary>
public sealed record Citation(
    string Id,
    string DocumentId,
    string Quote,
    int Start,
    int End,
    Stance Stance);
