"""Compiled execution of known operations (see `executor`, `compiler`, `runner`)."""

from server.schema.plans.executor import PlanExecutor, Plans, install_plans, plans_of

__all__ = ["PlanExecutor", "Plans", "install_plans", "plans_of"]
