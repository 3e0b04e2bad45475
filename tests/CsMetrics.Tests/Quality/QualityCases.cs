using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Quality;

/// <summary>Reads the quality oracle file <c>Reference/quality/cases.json</c> (see its SOURCES.md).</summary>
internal static class QualityCases
{
    private static readonly Lazy<JsonElement> s_root = new(() => ReferenceData.ReadJson("quality/cases.json").RootElement.Clone());

    public static JsonElement Root => s_root.Value;

    public static double[,] Matrix(JsonElement rows)
    {
        int n = rows.GetArrayLength();
        int m = rows[0].GetArrayLength();
        var matrix = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                matrix[i, j] = rows[i][j].ValueKind == JsonValueKind.Null ? double.NaN : rows[i][j].GetDouble();
            }
        }
        return matrix;
    }

    public static double[] Flatten(double[,] matrix)
    {
        var flat = new double[matrix.Length];
        int k = 0;
        foreach (double x in matrix)
        {
            flat[k++] = x;
        }
        return flat;
    }

    public static double[] Vector(JsonElement values) => values.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
