"""CallApiClient: one typed coroutine per Call API method; filled by the client issue."""
