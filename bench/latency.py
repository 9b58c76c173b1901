"""Measures the kernel from a real client (Debian's jupyter_client) and prints the figures.

Usage: /usr/bin/python3 bench/latency.py [KERNEL_NAME] [ROUNDS]
KERNEL_NAME is an installed kernelspec (default csharp; see the README to install one).
Prints: process start -> kernel_info_reply, process start -> first `1+1` result (and that cell's
own round trip), and the median / p90 round trip of a trivial cell (execute_request -> idle).
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def run_cell(client, code):
    """Sends the cell and returns (seconds until idle, text/plain of its result)."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    result = None
    while True:
        message = client.get_iopub_msg(timeout=60)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "execute_result":
            result = message["content"]["data"]["text/plain"]
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return time.perf_counter() - start, result


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "csharp"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    manager = KernelManager(kernel_name=name)
    started = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        ready = time.perf_counter() - started
        first, result = run_cell(client, "1+1")
        assert result == "2", result
        first_result = time.perf_counter() - started
        trips = [run_cell(client, "1")[0] for _ in range(rounds)]
    finally:
        client.stop_channels()
        manager.shutdown_kernel()
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"
    print(f"process start -> kernel_info_reply: {ms(ready)}")
    print(f"process start -> first 1+1 result:  {ms(first_result)} (the cell itself: {ms(first)})")
    print(f"trivial cell round trip over {rounds}: median {ms(statistics.median(trips))}, "
          f"p90 {ms(statistics.quantiles(trips, n=10)[-1])}")


if __name__ == "__main__":
    main()
