"""Claim matching: whether new copy repeats a tracked claim, and how the two relate."""
