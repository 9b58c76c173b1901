using System.Diagnostics;
using CSharpKernel.Tests.Harness;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Tests.Faults;

/// <summary>
/// A seeded, bounded stream of hostile messages on shell and control, with the heartbeat and a
/// kernel_info round trip checked every few messages: no reply to anything unauthenticated or
/// replayed, exactly one reply to every signed request the kernel knows, and no crash.
/// FUZZ_SEED replays another sequence.
/// </summary>
public sealed class FuzzTests : KernelFixture
{
    private const int Messages = 1500;
    private const int CheckEvery = 50;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public void Hostile_frames_on_shell_and_control_leave_the_kernel_answering_exactly_what_it_should()
    {
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 20261201;
        var fuzz = new HostileFrames(seed, Kernel.Key);
        var owed = new Dictionary<string, HostileFrame>();
        var forbidden = new Dictionary<string, HostileFrame>();
        var replies = new List<ReceivedMessage>();
        using var heartbeat = new RequestSocket();
        heartbeat.Options.Linger = TimeSpan.Zero;
        heartbeat.Connect(Kernel.Endpoint("hb"));

        for (var i = 1; i <= Messages; i++)
        {
            var frame = fuzz.Next();
            Client.SendFrames(frame.Channel, frame.Frames);
            if (frame.Answered)
                owed[frame.MsgId!] = frame;
            else if (frame.MsgId is { } id && !owed.ContainsKey(id))
                forbidden[id] = frame;
            if (i % CheckEvery == 0)
                AssertAlive(heartbeat, $"after message {i} ({frame.Kind}), seed {seed}");
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < AnswerTimeout && owed.Keys.Except(replies.Select(r => r.ParentMsgId!)).Any())
            foreach (var channel in new[] { "shell", "control" })
                replies.AddRange(Client.TakeAll(channel, Quiet));
        foreach (var channel in new[] { "shell", "control" })
            replies.AddRange(Client.TakeAll(channel, Quiet));

        var unanswered = owed.Where(o => replies.All(r => r.ParentMsgId != o.Key)).Select(o => $"{o.Value.Kind} {o.Value.Channel}").ToList();
        var toForbidden = replies.Where(r => r.ParentMsgId is { } p && forbidden.ContainsKey(p)).Select(r => $"{forbidden[r.ParentMsgId!].Kind}: {r}").ToList();
        var stray = replies.Where(r => r.ParentMsgId is not { } p || !owed.ContainsKey(p) && !forbidden.ContainsKey(p)).ToList();
        var twice = replies.GroupBy(r => r.ParentMsgId).Where(g => g.Count() > 1).Select(g => $"{owed.GetValueOrDefault(g.Key!)?.Kind}: {g.First()}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Kernel.Process.HasExited, Is.False, $"the kernel died (seed {seed}): {Kernel.Stderr}");
            Assert.That(unanswered, Is.Empty, $"signed requests left without a reply (seed {seed})");
            Assert.That(toForbidden, Is.Empty, $"replies to unauthenticated or unknown messages (seed {seed})");
            Assert.That(twice, Is.Empty, $"requests answered more than once: a replay was accepted (seed {seed})");
            Assert.That(stray, Is.Empty, "replies to nothing the fuzzer sent");
            Assert.That(Kernel.Stderr, Does.Not.Contain("Unhandled exception"));
        });
        Assert.That(owed, Has.Count.GreaterThan(Messages / 4), "the mix held too few requests to mean anything");
        AssertAlive(heartbeat, "at the end");
    }

    private void AssertAlive(RequestSocket heartbeat, string when)
    {
        heartbeat.SendFrame(when);
        Assert.That(heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(10), out var echo) && echo == when, Is.True,
            $"the heartbeat stopped {when}\n{Kernel.Stderr}");
        var info = Client.Request("kernel_info_request", new System.Text.Json.Nodes.JsonObject(), timeout: TimeSpan.FromSeconds(20));
        Assert.That(info.MsgType, Is.EqualTo("kernel_info_reply"), when);
    }
}
