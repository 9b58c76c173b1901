using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

public sealed class LruCacheTests
{
    [Test]
    public void The_entry_used_least_recently_is_forgotten_first()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.That(cache.TryGet("a", out _), Is.True);
        cache.Set("c", 3);
        Assert.That(cache.TryGet("b", out _), Is.False, "b was used least recently");
        Assert.That(cache.TryGet("a", out var a) && a == 1, Is.True);
        Assert.That(cache.TryGet("c", out var c) && c == 3, Is.True);
    }

    [Test]
    public void Setting_a_key_again_replaces_its_value_without_growing()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 2);
        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(cache.GetOrAdd("a", _ => 99), Is.EqualTo(2));
    }

    [Test]
    public void A_size_below_one_is_refused() =>
        Assert.That(() => new LruCache<string, int>(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
