"""QObjects and item models between the API service and the widgets (no QtWidgets)."""
