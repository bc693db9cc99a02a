"""The REST API's shared plumbing: the error shape and schema (errors), base classes, fields and pagination (support), the JSON parser (parsers)."""
