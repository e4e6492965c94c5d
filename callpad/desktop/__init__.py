"""Desktop integration: single instance, tel: links, tray, notifications, autostart."""
