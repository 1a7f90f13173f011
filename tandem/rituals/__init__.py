"""One module per ritual: business rules on neutral types, no platform payloads."""
