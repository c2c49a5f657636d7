"""Rendering: rows and problems into text for people and for scripts. Renderers never compute a
figure; they only format what the engine and the checks return."""
