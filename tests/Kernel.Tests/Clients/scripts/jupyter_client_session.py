"""Drives the kernel through jupyter_client as a front end would, and prints what it saw as JSON.

Usage: python3 jupyter_client_session.py KERNEL_NAME
The test that runs this asserts on the JSON; this script only observes.
"""
import json
import os
import sys

from jupyter_client.manager import start_new_kernel


def run_cell(client, code):
    outputs = []
    reply = client.execute_interactive(code, output_hook=outputs.append, timeout=60)
    stdout = "".join(m["content"]["text"] for m in outputs
                     if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    return {"status": reply["content"]["status"], "stdout": stdout, "results": results}


def shell_reply(client, msg_id):
    while True:
        reply = client.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def main():
    manager, client = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
    process = manager.provisioner.process
    seen = {"pid": process.pid}
    try:
        info = client.kernel_info(reply=True, timeout=30)["content"]
        seen["language"] = info["language_info"]["name"]
        seen["expression"] = run_cell(client, "6*7")
        seen["console"] = run_cell(client, 'Console.WriteLine("hello from C#");')
        seen["is_complete"] = shell_reply(client, client.is_complete("if (true) {"))["status"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel()
    seen["exit_code"] = process.returncode
    seen["shutdown_escalated_to"] = str(manager._shutdown_status)
    seen["process_left"] = os.path.exists(f"/proc/{process.pid}")
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
