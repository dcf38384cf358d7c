"""Parsers of what people type in these tables: 指标值, periods, money."""
