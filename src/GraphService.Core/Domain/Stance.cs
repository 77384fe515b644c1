using System.Text.Json.Serialization;

namespace GraphService.Core.Domain;

/// <summary>Whether a cited passage supports a claim or disputes it (a denial is evidence too).</summary>
public enum Stance
{
    [JsonStringEnumMemberName("supports")]
    Supports,
    [JsonStringEnumMemberName("disputes")]
    Disputes,
}
