-- Queues the pieces of one push atomically, once per dedupe key (a schedule's period).
-- KEYS: 1 dedupe key 2 job seq 3 jobs hash 4 ready zset 5.. one FIFO list per queue
-- ARGV: 1 use dedupe ("1"/"0") 2 dedupe ttl s 3 now ms 4.. per queue: name, count, job JSON × count
if ARGV[1] == '1' then
  if redis.call('SET', KEYS[1], ARGV[3], 'NX', 'EX', tonumber(ARGV[2])) == false then
    return -1
  end
end
local queued = 0
local a = 4
for k = 5, #KEYS do
  local queue, count = ARGV[a], tonumber(ARGV[a + 1])
  a = a + 2
  for i = 1, count do
    local id = tostring(redis.call('INCR', KEYS[2]))
    redis.call('HSET', KEYS[3], id, ARGV[a])
    redis.call('RPUSH', KEYS[k], id)
    a = a + 1
    queued = queued + 1
  end
  if count > 0 then redis.call('ZADD', KEYS[4], 'NX', ARGV[3], queue) end
end
return queued
