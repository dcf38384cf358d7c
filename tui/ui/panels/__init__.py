"""The editor's panels (项目信息, 资金, 目标, 指标, 问题, 导出), one per file."""
