namespace GraphService.Core.Domain;

/// <summary>A relationship type with the active phrase used to explain it ("leads", "is funded by").</summary>
public sealed record Predicate(string Type, string Phrase, bool BuiltIn);
