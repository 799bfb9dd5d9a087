-- Takes the head job of one due queue under a lease, keeping each queue FIFO and within
-- 20 sends per sliding minute (both platforms' documented webhook limit). The caller lists
-- the due queues (ZRANGEBYSCORE) and tries them one by one, passing each queue's keys.
-- KEYS: 1 ready zset 2 jobs hash 3 the queue's lock 4 the queue's FIFO list 5 the queue's send times
-- ARGV: 1 now ms 2 lease ms 3 lease token 4 per-minute limit 5 queue name
local now, lease, token, limit, queue = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), ARGV[5]
local due = redis.call('ZSCORE', KEYS[1], queue)
if not due or tonumber(due) > now then return false end
-- The lock holds its expiry by the caller's clock, so leases follow the same clock as due
-- times; Redis's own expiry (twice as long) only cleans up.
local held = redis.call('GET', KEYS[3])
if held and tonumber(string.match(held, ':(%d+)$')) > now then return false end
local head = redis.call('LINDEX', KEYS[4], 0)
if not head then
  redis.call('ZREM', KEYS[1], queue)
  redis.call('DEL', KEYS[3])
  return false
end
local oldest = redis.call('LINDEX', KEYS[5], limit - 1)
if oldest and now - tonumber(oldest) < 60000 then
  redis.call('ZADD', KEYS[1], tonumber(oldest) + 60000, queue)
  return false
end
redis.call('SET', KEYS[3], token .. ':' .. (now + lease), 'PX', 2 * lease)
return {queue, head, redis.call('HGET', KEYS[2], head) or ''}
