"""The rule families (F funding, P periods, T tree, V values, C consistency), one module each."""
