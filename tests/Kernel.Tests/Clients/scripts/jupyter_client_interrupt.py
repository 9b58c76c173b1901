"""Interrupts a running cell the way every Jupyter front end does, through jupyter_client's
KernelManager.interrupt_kernel (which reads interrupt_mode from the kernelspec), and prints what
it saw as JSON.

Usage: python3 jupyter_client_interrupt.py KERNEL_NAME
The test that runs this asserts on the JSON; this script only observes.
"""
import json
import sys

from jupyter_client.manager import start_new_kernel


def shell_reply(client, msg_id):
    while True:
        reply = client.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def wait_for_stdout(client, msg_id, text):
    while True:
        message = client.get_iopub_msg(timeout=30)
        if (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "stream"
                and text in message["content"]["text"]):
            return


def result_of(client, code):
    results = []
    client.execute_interactive(code, timeout=30, output_hook=lambda m: results.extend(
        [m["content"]["data"]["text/plain"]] if m["msg_type"] == "execute_result" else []))
    return results


def main():
    manager, client = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
    seen = {"interrupt_mode": manager.kernel_spec.interrupt_mode}
    try:
        result_of(client, "var kept = 41;")
        running = client.execute('Console.WriteLine("ready");\nwhile (true) { }')
        wait_for_stdout(client, running, "ready")
        manager.interrupt_kernel()
        reply = shell_reply(client, running)
        seen["status"] = reply["status"]
        seen["ename"] = reply.get("ename")
        seen["next"] = result_of(client, "kept + 1")
    finally:
        client.stop_channels()
        manager.shutdown_kernel()
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
