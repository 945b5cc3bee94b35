"""The write side. Admin, API, commands and seed loading all call these; nobody raw-saves."""
