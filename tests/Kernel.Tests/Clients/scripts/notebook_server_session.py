"""Uses a running classic Notebook server as the browser does, and prints what it saw as JSON.

Usage: python3 notebook_server_session.py BASE_URL TOKEN KERNEL_NAME
Starts a kernel over REST, runs cells over the kernel's websocket channel, deletes the kernel and
asks the server to shut down. The test that runs this asserts on the JSON; this script only observes.
"""
import asyncio
import datetime
import json
import os
import sys
import urllib.request
import uuid

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

BASE, TOKEN, KERNEL_NAME = sys.argv[1:4]
TIMEOUT = 60


def api(method, path, body=None):
    request = urllib.request.Request(
        BASE + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        data = response.read()
        return response.status, json.loads(data) if data else None


def logo_type(path):
    """The content type the server sends for a kernelspec resource, as a front end fetches it."""
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        body = response.read()
        return {"status": response.status, "type": response.headers.get_content_type(), "bytes": len(body)}


def kernel_pids(kernel_id):
    """The kernel's process, found by the connection file named on its command line."""
    pids = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if f"kernel-{kernel_id}.json".encode() in f.read():
                    pids.append(int(entry))
        except (OSError, ValueError):
            pass
    return pids


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


class Channels:
    def __init__(self, socket, session):
        self.socket = socket
        self.session = session

    async def request(self, msg_type, content):
        msg_id = uuid.uuid4().hex
        await self.socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "test",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat(), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        seen = {"reply": None, "iopub": []}
        idle = False
        while seen["reply"] is None or not idle:
            raw = await asyncio.wait_for(self.socket.read_message(), TIMEOUT)
            if raw is None:
                raise ConnectionError("the websocket closed")
            message = json.loads(raw)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["channel"] == "shell":
                seen["reply"] = message["content"]
            elif message["channel"] == "iopub":
                seen["iopub"].append({"msg_type": message["msg_type"], "content": message["content"]})
                idle = idle or message["content"].get("execution_state") == "idle"
        return seen

    async def execute(self, code):
        seen = await self.request("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        iopub = seen["iopub"]
        return {
            "status": seen["reply"]["status"],
            "execution_count": seen["reply"].get("execution_count"),
            "stdout": "".join(m["content"]["text"] for m in iopub
                              if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"),
            "results": [m["content"]["data"]["text/plain"] for m in iopub if m["msg_type"] == "execute_result"],
            "states": [m["content"]["execution_state"] for m in iopub if m["msg_type"] == "status"],
        }


async def use_kernel(kernel_id, seen):
    session = uuid.uuid4().hex
    url = BASE.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={session}&token={TOKEN}"
    socket = await websocket_connect(HTTPRequest(url, connect_timeout=TIMEOUT))
    channels = Channels(socket, session)
    info = await channels.request("kernel_info_request", {})
    seen["language"] = info["reply"]["language_info"]["name"]
    seen["expression"] = await channels.execute("6*7")
    seen["console"] = await channels.execute('Console.WriteLine("hi from the notebook server");')
    seen["declare"] = await channels.execute("var carried = 40;")
    seen["carried"] = await channels.execute("carried + 2")
    socket.close()


def main():
    seen = {"server_version": api("GET", "/api")[1]["version"]}
    spec = api("GET", "/api/kernelspecs")[1]["kernelspecs"][KERNEL_NAME]
    seen["display_name"] = spec["spec"]["display_name"]
    seen["logos"] = {name: logo_type(path) for name, path in sorted(spec["resources"].items())}
    status, kernel = api("POST", "/api/kernels", {"name": KERNEL_NAME})
    seen["start_status"] = status
    seen["kernel_name"] = kernel["name"]
    seen["kernel_pids"] = kernel_pids(kernel["id"])
    asyncio.run(use_kernel(kernel["id"], seen))
    seen["delete_status"] = api("DELETE", f"/api/kernels/{kernel['id']}")[0]
    seen["kernels_after_delete"] = api("GET", "/api/kernels")[1]
    seen["kernel_pids_running_after_delete"] = [pid for pid in seen["kernel_pids"] if running(pid)]
    seen["shutdown_status"] = api("POST", "/api/shutdown")[0]
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
