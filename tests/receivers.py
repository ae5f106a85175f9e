"""
HTTP receivers on 127.0.0.1 that a test starts in a thread to stand in for a
remote service (a translation provider, a webhook endpoint), well-behaved or
not:

    "ok"       answers at once with respond(path, body) -> (status, JSON-able)
    "trickle"  sends its answer one byte every `interval` seconds
    "silent"   reads the request and never answers

Every request received is recorded in `requests` as (path, body bytes).
"""

import contextlib
import json
import socket
import threading
import time


class Receiver:
    def __init__(self, mode="ok", respond=None, interval=0.5, give_up_after=60):
        self.mode = mode
        self.respond = respond or (lambda path, body: (200, {}))
        self.interval = interval
        self.give_up_after = give_up_after
        self.requests = []
        self._listener = None
        self._stopped = threading.Event()

    @property
    def url(self):
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._stopped.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()

    def _serve(self):
        while not self._stopped.is_set():
            try:
                conn, _address = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn):
        with conn:
            try:
                path, body = self._read_request(conn)
            except OSError:
                return
            self.requests.append((path, body))
            if self.mode == "silent":
                self._stopped.wait(self.give_up_after)
                return
            status, payload = self.respond(path, body)
            content = json.dumps(payload).encode()
            answer = (
                f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(content)}\r\n"
                "Connection: close\r\n\r\n"
            ).encode() + content
            try:
                if self.mode == "trickle":
                    give_up = time.monotonic() + self.give_up_after
                    for byte in answer:
                        if self._stopped.is_set() or time.monotonic() > give_up:
                            return
                        conn.sendall(bytes([byte]))
                        time.sleep(self.interval)
                else:
                    conn.sendall(answer)
            except OSError:
                return  # the caller gave up and closed the connection

    @staticmethod
    def _read_request(conn):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                raise OSError("closed before the end of the headers")
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        length = 0
        for line in lines[1:]:
            name, _sep, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        return lines[0].split(" ")[1], body


def libretranslate(path, body):
    """A LibreTranslate that 'translates' by upper-casing (respond= for a Receiver)."""
    request = json.loads(body)
    assert path == "/translate"
    return 200, {"translatedText": [text.upper() for text in request["q"]]}
