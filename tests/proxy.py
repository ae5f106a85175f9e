"""
A TCP proxy on 127.0.0.1 that a test puts between the site and a real
service (PostgreSQL) to make that service fail the way networks do:
`stop()` refuses connections, `silence()` accepts them and swallows every
byte in both directions (a host dropping packets), `resume()` forwards again.
"""

import contextlib
import socket
import threading


class TCPProxy:
    def __init__(self, target_host, target_port, port=0):
        self.target = (target_host, target_port)
        self.port = port
        self.silent = False
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()

    @property
    def address(self):
        return ("127.0.0.1", self.port)

    def start(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self):
        """Close the port and every connection through it: clients get 'connection refused'."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            self._close(sock)

    def silence(self):
        """Keep accepting, answer nothing: connections and queries hang until the client gives up."""
        self.silent = True

    def resume(self):
        self.silent = False
        if self._listener is None:
            self.start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # stopped
            if self.silent:
                self._track(client)
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self._close(client)
                continue
            self._track(client)
            self._track(upstream)
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, destination):
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            if self.silent:
                continue  # swallowed: the other side waits for an answer that never comes
            try:
                destination.sendall(data)
            except OSError:
                break
        self._close(source)
        self._close(destination)

    def _swallow(self, sock):
        while True:
            try:
                if not sock.recv(65536):
                    break
            except OSError:
                break
        self._close(sock)

    def _track(self, sock):
        with self._lock:
            self._sockets.add(sock)

    def _close(self, sock):
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
