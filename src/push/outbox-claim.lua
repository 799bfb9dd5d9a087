-- Takes the head job of one due queue under a lease, keeping each queue FIFO and within
-- 20 sends per sliding minute (both platforms' documented webhook limit).
-- Keys of a queue are derived from the prefix; they share the deployment's hash tag.
-- KEYS: 1 ready zset 2 jobs hash   ARGV: 1 now ms 2 lease ms 3 key prefix 4 lease token 5 per-minute limit
local now, lease, prefix, token, limit = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 16)
-- The lock holds its expiry by the caller's clock, so leases follow the same clock as due
-- times; Redis's own expiry (twice as long) only cleans up.
local function lock(queue)
  local key = prefix .. 'out:lock:' .. queue
  local held = redis.call('GET', key)
  if held and tonumber(string.match(held, ':(%d+)$')) > now then return false end
  redis.call('SET', key, token .. ':' .. (now + tonumber(lease)), 'PX', 2 * tonumber(lease))
  return true
end
for _, queue in ipairs(due) do
  if lock(queue) then
    local head = redis.call('LINDEX', prefix .. 'out:q:' .. queue, 0)
    if not head then
      redis.call('ZREM', KEYS[1], queue)
      redis.call('DEL', prefix .. 'out:lock:' .. queue)
    else
      local oldest = redis.call('LINDEX', prefix .. 'out:sent:' .. queue, limit - 1)
      if oldest and now - tonumber(oldest) < 60000 then
        redis.call('ZADD', KEYS[1], tonumber(oldest) + 60000, queue)
        redis.call('DEL', prefix .. 'out:lock:' .. queue)
      else
        return {queue, head, redis.call('HGET', KEYS[2], head) or ''}
      end
    end
  end
end
return false
