using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class FleissKappaTests
{
    [Fact]
    public void Every_reference_case_matches()
    {
        foreach (var item in QualityCases.Root.GetProperty("fleiss_kappa").EnumerateArray())
        {
            var table = QualityCases.Matrix(item.GetProperty("table"));
            var counts = new int[table.GetLength(0), table.GetLength(1)];
            for (int i = 0; i < table.GetLength(0); i++)
            {
                for (int j = 0; j < table.GetLength(1); j++)
                {
                    counts[i, j] = (int)table[i, j];
                }
            }
            var result = FleissKappa.FromCounts(counts);
            Assert.Equal(item.GetProperty("kappa").GetDouble(), result.Kappa, 12);
            // Same source (Fleiss 1971 example as printed on Wikipedia): P̄ = 0.378, P̄e = 0.213.
            Assert.Equal(0.378, result.ObservedAgreement, 3);
            Assert.Equal(0.2128, result.ExpectedAgreement, 4);
        }
    }

    [Fact]
    public void Two_raters_agree_with_Scotts_pi_computed_by_hand()
    {
        // Oracle: with two raters Fleiss' kappa is Scott's pi: (p_o - Σ p̄_j²)/(1 - Σ p̄_j²), p̄_j the pooled shares.
        int[] a = [0, 1, 1, 2, 0, 1, 2, 2, 0, 1];
        int[] b = [0, 1, 2, 2, 0, 0, 2, 1, 0, 1];
        var counts = new int[a.Length, 3];
        for (int i = 0; i < a.Length; i++)
        {
            counts[i, a[i]]++;
            counts[i, b[i]]++;
        }
        double po = a.Zip(b, (x, y) => x == y ? 1.0 : 0.0).Average();
        double pe = Enumerable.Range(0, 3).Select(c => (a.Count(x => x == c) + b.Count(x => x == c)) / 20.0).Sum(p => p * p);
        Assert.Equal((po - pe) / (1 - pe), FleissKappa.FromCounts(counts).Kappa, 12);
    }

    [Property(MaxTest = 100)]
    public bool Kappa_is_one_when_all_raters_agree_on_every_subject(int seed)
    {
        var random = new Random(seed);
        var counts = new int[12, 4];
        for (int i = 0; i < 12; i++)
        {
            counts[i, i < 2 ? i : random.Next(4)] = 5;
        }
        return Math.Abs(FleissKappa.FromCounts(counts).Kappa - 1) < 1e-12;
    }

    [Fact]
    public void Unequal_rater_counts_are_rejected_naming_the_subject()
    {
        var ex = Assert.Throws<ArgumentException>(() => FleissKappa.FromCounts(new[,] { { 2, 1 }, { 1, 1 } }));
        Assert.Contains("subject 1", ex.Message);
    }
}
