"""What every ritual shares: the organisation and its working time, who is asking, how a
person is reached and a scheduled send claimed once, and how a typed topic is matched."""
