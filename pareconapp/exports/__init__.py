"""Minutes and reports: one document model, several writers."""
