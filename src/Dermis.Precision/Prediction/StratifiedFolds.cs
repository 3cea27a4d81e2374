namespace Dermis.Precision.Prediction;

/// <summary>Seeded K-fold assignment stratified by a binary outcome.</summary>
internal static class StratifiedFolds
{
    /// <summary>
    /// Shuffles events and non-events separately (Fisher–Yates with <c>new Random(seed)</c>) and
    /// deals them round-robin into <paramref name="folds"/> folds, so every fold holds
    /// ⌊m/K⌋ or ⌈m/K⌉ of each class.
    /// </summary>
    public static int[] Assign(IReadOnlyList<bool> outcomes, int folds, int seed)
    {
        var rng = new Random(seed);
        var assignment = new int[outcomes.Count];
        var next = 0;
        foreach (var cls in new[] { true, false })
        {
            var members = new List<int>();
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i] == cls)
                {
                    members.Add(i);
                }
            }

            for (var i = members.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }

            foreach (var member in members)
            {
                assignment[member] = next % folds;
                next++;
            }
        }

        return assignment;
    }
}
