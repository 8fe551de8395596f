"""The per-event stages: each event's articles compared, summarised, framed and traced.

`compare` (with the `stance` decision) lines up figures and claims; `brief` writes the cited
summary; `framing` sets outlets side by side; `provenance` draws who copied or cited whom.
"""
