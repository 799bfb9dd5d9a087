-- Who is speaking, in one round trip: the sender's unit (JSON, with its id) and admin flag.
-- KEYS: 1 members 2 units 3 admins   ARGV: 1 user id
local unitId = redis.call('HGET', KEYS[1], ARGV[1])
local unit = false
if unitId then unit = redis.call('HGET', KEYS[2], unitId) end
return {unitId or '', unit or '', redis.call('SISMEMBER', KEYS[3], ARGV[1])}
