"""Scripts for maintaining the app, and the server they and the tests share."""
