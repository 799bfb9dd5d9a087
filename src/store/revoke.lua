-- Marks a record revoked and reverses everything it counted, once: a second call is a no-op,
-- so a client that lost the reply can safely retry.
-- KEYS: 1 revoked 2 dayTotals 3 weekTotals 4 yearTotals 5 projects 6 monthTotals 7 totals version
--       8 changed units zset 9 the week's notable events zset
-- ARGV: 1 record id 2 revoke info JSON 3 project id ("" when none) 4 unit id 5.. totals field, increment pairs
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
for i = 5, #ARGV, 2 do
  local field, n = ARGV[i], -tonumber(ARGV[i + 1])
  redis.call('HINCRBY', KEYS[2], field, n)
  redis.call('HINCRBY', KEYS[3], field, n)
  redis.call('HINCRBY', KEYS[4], field, n)
  redis.call('HINCRBY', KEYS[6], field, n)
end
redis.call('ZADD', KEYS[8], redis.call('INCR', KEYS[7]), ARGV[4])
redis.call('ZREM', KEYS[9], ARGV[1])
if ARGV[3] ~= '' then
  local hk = ARGV[3] .. ':h'
  local h = redis.call('HGET', KEYS[5], hk)
  if h then
    local kept = {}
    for line in string.gmatch(h, '[^\n]+') do
      local rid = string.match(line, '^[^,]*,([^,]*)')
      if rid ~= ARGV[1] then kept[#kept + 1] = line end
    end
    redis.call('HSET', KEYS[5], hk, table.concat(kept, '\n'))
  end
end
return 1
