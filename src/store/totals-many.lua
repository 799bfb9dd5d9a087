-- Reads the same totals fields from many hashes in one round trip (the ranking needs every
-- unit's year and week totals). Missing fields come back as false.
-- KEYS: totals hashes   ARGV: fields
local out = {}
for i, key in ipairs(KEYS) do
  out[i] = redis.call('HMGET', key, unpack(ARGV))
end
return out
