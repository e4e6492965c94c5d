"""JSON-RPC 2.0 envelope over httpx (the only httpx import); filled by the client issue."""
