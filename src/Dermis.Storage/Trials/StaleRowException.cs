namespace Dermis.Storage.Trials;

/// <summary>A row changed between reading it and writing it (optimistic concurrency); nothing of the unit of work was stored.</summary>
public sealed class StaleRowException(string message) : Exception(message);
