-- Offers near a volunteer: the search first keeps the merchants inside a bounding box around the
-- volunteer (a latitude range, then a longitude range), which this index answers without reading
-- every merchant; the exact great-circle distance is computed only for those.
CREATE INDEX merchant_by_position ON merchant (latitude, longitude);
