"""Trained models shipped as package data."""
