-- Ends a delivery attempt: on success drops the job and records the send time; on failure
-- keeps the job at the head and makes the queue due again later. Never drops a failed job.
-- KEYS: 1 ready zset 2 jobs hash
-- ARGV: 1 queue 2 job id 3 now ms 4 key prefix 5 "ok" | "retry" 6 next due ms 7 updated job JSON
local queue, id, now, prefix = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local list = prefix .. 'out:q:' .. queue
if ARGV[5] == 'ok' then
  redis.call('LREM', list, 1, id)
  redis.call('HDEL', KEYS[2], id)
  local sent = prefix .. 'out:sent:' .. queue
  redis.call('LPUSH', sent, now)
  redis.call('LTRIM', sent, 0, 19)
  if redis.call('LLEN', list) > 0 then
    redis.call('ZADD', KEYS[1], now, queue)
  else
    redis.call('ZREM', KEYS[1], queue)
  end
else
  redis.call('HSET', KEYS[2], id, ARGV[7])
  redis.call('ZADD', KEYS[1], tonumber(ARGV[6]), queue)
end
redis.call('DEL', prefix .. 'out:lock:' .. queue)
return 1
