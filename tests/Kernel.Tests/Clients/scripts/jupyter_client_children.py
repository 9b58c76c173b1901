"""Starts the kernel with jupyter_client, has a cell start a child process, restarts and shuts the
kernel down through KernelManager, and prints what it saw as JSON: whether each child outlived its
kernel, and the first iopub message a fresh client received.

Usage: python3 jupyter_client_children.py KERNEL_NAME
"""
import json
import os
import sys

from jupyter_client.manager import KernelManager

SLEEP = 'System.Diagnostics.Process.Start("sleep", "1000").Id'


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def child_of_a_cell(manager):
    client = manager.client()
    client.start_channels()
    first = client.get_iopub_msg(timeout=30)
    client.wait_for_ready(timeout=60)
    results = []
    reply = client.execute_interactive(
        SLEEP, timeout=60,
        output_hook=lambda m: results.append(m["content"]["data"]["text/plain"]) if m["msg_type"] == "execute_result" else None)
    client.stop_channels()
    return first, reply["content"]["status"], int(results[0])


def main():
    manager = KernelManager(kernel_name=sys.argv[1])
    manager.start_kernel()
    seen = {}
    try:
        first, status, before_restart = child_of_a_cell(manager)
        seen["first_iopub"] = {"msg_type": first["msg_type"], "parent": first["parent_header"], "content": first["content"]}
        seen["cell_status"] = status
        kernel_pid = manager.provisioner.process.pid
        manager.restart_kernel()
        seen["restart_escalated_to"] = str(manager._shutdown_status)
        seen["old_kernel_left"] = running(kernel_pid)
        seen["child_left_after_restart"] = running(before_restart)
        _, _, before_shutdown = child_of_a_cell(manager)
    finally:
        manager.shutdown_kernel()
    seen["shutdown_escalated_to"] = str(manager._shutdown_status)
    seen["child_left_after_shutdown"] = running(before_shutdown)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
