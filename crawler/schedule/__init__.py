"""Nightly scheduling: the ``newsarchive schedule`` daemon, its cron triggers and its jobs."""
