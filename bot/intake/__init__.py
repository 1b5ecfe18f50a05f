"""The understanding of an intake, with no Rasa import: the frame, reading and
writing Dutch, the vocabulary of needs."""
