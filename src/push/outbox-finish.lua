-- Ends a delivery attempt: on success drops the job and records the send time; on failure
-- keeps the job at the head and makes the queue due again later. Never drops a failed job.
-- KEYS: 1 ready zset 2 jobs hash 3 the queue's FIFO list 4 the queue's send times 5 the queue's lock
-- ARGV: 1 queue 2 job id 3 now ms 4 "ok" | "retry" 5 next due ms 6 updated job JSON
local queue, id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
if ARGV[4] == 'ok' then
  redis.call('LREM', KEYS[3], 1, id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('LPUSH', KEYS[4], now)
  redis.call('LTRIM', KEYS[4], 0, 19)
  -- Send times only matter for a minute.
  redis.call('PEXPIRE', KEYS[4], 120000)
  if redis.call('LLEN', KEYS[3]) > 0 then
    redis.call('ZADD', KEYS[1], now, queue)
  else
    redis.call('ZREM', KEYS[1], queue)
  end
else
  redis.call('HSET', KEYS[2], id, ARGV[6])
  redis.call('ZADD', KEYS[1], tonumber(ARGV[5]), queue)
end
redis.call('DEL', KEYS[5])
return 1
