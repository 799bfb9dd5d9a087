-- Records how the handling of a claimed message ended (see message-claim.lua for the states).
-- KEYS: 1 next bucket 2 current bucket 3 previous bucket
-- ARGV: 1 message key 2 "answered" | "release"
--   answered: the reply was delivered: d, or <id> when a record is stored
--   release:  the handling failed: forget a bare claim (the platform's retry starts afresh);
--             a stored record keeps its undelivered confirmation (<id>@0) for the retry to send
for i = 1, 3 do
  local v = redis.call('HGET', KEYS[i], ARGV[1])
  if v then
    local first = string.sub(v, 1, 1)
    local at = string.find(v, '@', 1, true)
    if ARGV[2] == 'answered' then
      if first == 'c' then
        redis.call('HSET', KEYS[i], ARGV[1], 'd')
      elseif at then
        redis.call('HSET', KEYS[i], ARGV[1], string.sub(v, 1, at - 1))
      end
    elseif first == 'c' then
      redis.call('HDEL', KEYS[i], ARGV[1])
    elseif at then
      redis.call('HSET', KEYS[i], ARGV[1], string.sub(v, 1, at) .. '0')
    end
    return 1
  end
end
return 0
