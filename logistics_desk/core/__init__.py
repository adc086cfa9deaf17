"""What every module shares. Nothing here imports Qt except core/ui."""
