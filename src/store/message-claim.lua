-- Claims one incoming message for this handler, or says why not. The message's state lives in
-- one of the time-bucketed maps (see message-store.ts):
--   c<ms>      claimed at ms, nothing stored, not answered yet
--   d          answered, nothing stored
--   <id>@<ms>  record <id> stored, its confirmation not yet delivered (ms = 0: known undelivered)
--   <id>       record <id> stored and confirmed
-- A claim or an undelivered confirmation older than the grace period belongs to a handler that
-- died (or whose reply failed): this handler takes it over and answers.
-- KEYS: 1 next bucket 2 current bucket 3 previous bucket 4 the sender's pending reading
-- ARGV: 1 message key 2 now ms 3 grace ms 4 bucket ttl seconds
-- Returns {1, "", pending} (handle it), {1, "<id>", pending} (confirm stored record <id> again) or
-- {0, "", 0} (stay silent); pending is 1 when the sender has a reading waiting for 「是」.
local now, grace = tonumber(ARGV[2]), tonumber(ARGV[3])
local pending = redis.call('EXISTS', KEYS[4])
for i = 1, 3 do
  local v = redis.call('HGET', KEYS[i], ARGV[1])
  if v then
    if v == 'd' then return {0, '', 0} end
    if string.sub(v, 1, 1) == 'c' then
      if now - tonumber(string.sub(v, 2)) < grace then return {0, '', 0} end
      redis.call('HSET', KEYS[i], ARGV[1], 'c' .. ARGV[2])
      return {1, '', pending}
    end
    local at = string.find(v, '@', 1, true)
    if not at then return {0, '', 0} end
    local since = tonumber(string.sub(v, at + 1))
    if since ~= 0 and now - since < grace then return {0, '', 0} end
    local id = string.sub(v, 1, at - 1)
    redis.call('HSET', KEYS[i], ARGV[1], id .. '@' .. ARGV[2])
    return {1, id, pending}
  end
end
redis.call('HSET', KEYS[2], ARGV[1], 'c' .. ARGV[2])
if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
return {1, '', pending}
